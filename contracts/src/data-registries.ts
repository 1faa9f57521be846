// 人口库/法人库: base registries, 一数一源 cross-checks and disputes (异议核实).
// Shared by browser and server: keep this file free of node: imports.
export {};
