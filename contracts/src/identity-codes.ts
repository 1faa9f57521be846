// 一人一码 / 一企一码: short-lived signed codes that carry a revocable alias, never a raw ID number.
// Shared by browser and server: keep this file free of node: imports.
export {};
