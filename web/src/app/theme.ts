import { theme, type ThemeConfig } from 'antd';
import type { Locale } from '@zhengtong/contracts';

/**
 * System CJK fonts first (no web-font download); the Ext-B fonts let 生僻字 outside the BMP (𠮷) render on
 * Windows, Noto/Source Han cover them on Linux and Android.
 */
const latinFonts = ['-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial'];

export const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"SimSun-ExtB"',
  '"SimSun-ExtG"',
  '"MingLiU-ExtB"',
  '"Noto Serif CJK SC"',
  '"HanaMinB"',
  'sans-serif',
  '"Apple Color Emoji"',
  '"Segoe UI Emoji"',
].join(', ');

/** English pages take Latin glyphs (quotes, dashes) from Latin fonts first; CJK fonts still cover names. */
function fontFamilyFor(language: Locale): string {
  return language === 'en-US' ? [...latinFonts, fontFamily].join(', ') : fontFamily;
}

// A government blue that keeps a 7:1 contrast on white for text links.
const primary = '#0b4fa3';

const standard: ThemeConfig = {
  token: {
    colorPrimary: primary,
    colorLink: primary,
    colorError: '#c4161c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    fontFamily,
    fontSize: 15,
    borderRadius: 6,
    lineWidthFocus: 3,
  },
};

// 长辈版 (适老化): larger type and targets, stronger contrast, per the MIIT 适老化 guidance for public websites.
const elderly: ThemeConfig = {
  token: {
    ...standard.token,
    colorText: '#000000',
    colorTextSecondary: '#1f1f1f',
    colorTextDescription: '#262626',
    colorBorder: '#595959',
    fontSize: 20,
    fontSizeLG: 22,
    fontSizeSM: 18,
    fontSizeHeading1: 36,
    fontSizeHeading2: 30,
    fontSizeHeading3: 26,
    fontSizeHeading4: 22,
    controlHeight: 48,
    controlHeightLG: 56,
    controlHeightSM: 36,
    lineHeight: 1.7,
  },
  components: {
    Button: { fontWeight: 600 },
    Menu: { itemHeight: 56 },
    Table: { cellPaddingBlock: 18 },
  },
};

export function themeFor(isElderly: boolean, language: Locale): ThemeConfig {
  const base = isElderly ? elderly : standard;
  return { ...base, token: { ...base.token, fontFamily: fontFamilyFor(language) } };
}

/** 驾驶舱: a dark wall-screen palette; text colours are set again so the elderly mode's black text does not carry over. */
export function cockpitTheme(): ThemeConfig {
  return {
    algorithm: theme.darkAlgorithm,
    token: {
      colorPrimary: '#3d8bfd',
      colorLink: '#8ab8ff',
      colorBgLayout: '#07162c',
      colorBgContainer: '#0d2344',
      colorBgElevated: '#12305a',
      colorBorder: '#3a5f91',
      colorBorderSecondary: '#1c3a66',
      colorText: '#eef3fc',
      colorTextSecondary: '#c3d2ea',
      colorTextDescription: '#c3d2ea',
    },
  };
}
