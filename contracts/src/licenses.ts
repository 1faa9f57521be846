// 电子证照 (GB/T 36901–36905): licence types, licences, their identifiers, verification and the holder's grants.
// Shared by browser and server: keep this file free of node: imports.
export {};
