/**
 * 全国放假调休安排 (the State Council's yearly holiday and adjusted-workday schedule).
 *
 * Only the State Council General Office notice makes a year official; each year carries its citation in `source`.
 * A year marked `provisional` was derived from the published rules before its notice appeared and must be
 * confirmed by an administrator once its notice is out (published yearly, usually between October and December).
 */

/** A calendar date written 'YYYY-MM-DD' (Asia/Shanghai civil date). */
export type IsoDate = `${number}-${number}-${number}`;

/** A block of consecutive days off (放假调休), inclusive on both ends. */
export interface HolidayBlock {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A Saturday or Sunday that is worked (调休上班) to make up for a holiday block. */
export interface AdjustedWorkday {
  readonly date: IsoDate;
  /** The holiday this weekend day is worked for. */
  readonly for: string;
}

export interface YearSchedule {
  readonly year: number;
  /** Citation: notice title and document number, or why the year is provisional. */
  readonly source: string;
  /** True while the year is derived from rules rather than copied from its notice. */
  readonly provisional?: boolean;
  readonly holidays: readonly HolidayBlock[];
  readonly adjustedWorkdays: readonly AdjustedWorkday[];
}

export const officialSchedules: readonly YearSchedule[] = [
  {
    // https://www.gov.cn/zhengce/content/202411/content_6986382.htm — first year under the 2024 revision of
    // 《全国年节及纪念日放假办法》: 春节 and 劳动节 gain one statutory day each (13 statutory days a year).
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    adjustedWorkdays: [
      { date: '2025-01-26', for: '春节' },
      { date: '2025-02-08', for: '春节' },
      { date: '2025-04-27', for: '劳动节' },
      { date: '2025-09-28', for: '国庆节、中秋节' },
      { date: '2025-10-11', for: '国庆节、中秋节' },
    ],
  },
  {
    // https://www.gov.cn/zhengce/content/202511/content_7047090.htm
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    adjustedWorkdays: [
      { date: '2026-01-04', for: '元旦' },
      { date: '2026-02-14', for: '春节' },
      { date: '2026-02-28', for: '春节' },
      { date: '2026-05-09', for: '劳动节' },
      { date: '2026-09-20', for: '国庆节' },
      { date: '2026-10-10', for: '国庆节' },
    ],
  },
  {
    // Derived from the principles in 国办发明电〔2024〕12号: 春节 8 days from 除夕, 国庆节 7 days from 1 Oct,
    // 劳动节 5 days, the others 3 days or only the day itself when it falls on a Wednesday; make-up weekend days
    // balance the weekdays taken beyond the statutory days, with no more than 6 working days in a row.
    // Lunar dates: 除夕 2-05, 春节 2-06, 清明 4-05, 端午 6-09 (Wed), 中秋 9-15 (Wed). Do not recompute them
    // with Intl's chinese calendar: ICU puts 正月初一 on 2-07 because that new moon falls at 23:56 Beijing time.
    // The make-up days for 春节 and 劳动节 are a guess at the Council's choice; 国庆节 follows 2021 (same weekdays).
    year: 2027,
    provisional: true,
    source:
      '暂定（provisional）：截至2026年11月23日未见国务院办公厅关于2027年部分节假日安排的通知，' +
      '本年按国办发明电〔2024〕12号的放假调休原则推算，通知发布后须由管理员核对替换',
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-05', to: '2027-02-12' },
      { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
      { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
      { name: '端午节', from: '2027-06-09', to: '2027-06-09' },
      { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
    ],
    adjustedWorkdays: [
      { date: '2027-01-31', for: '春节' },
      { date: '2027-02-20', for: '春节' },
      { date: '2027-05-08', for: '劳动节' },
      { date: '2027-09-26', for: '国庆节' },
      { date: '2027-10-09', for: '国庆节' },
    ],
  },
];
