// Private browsing and locked-down kiosks may refuse storage; preferences then last for the visit only.
export function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // keep the in-memory value
  }
}
