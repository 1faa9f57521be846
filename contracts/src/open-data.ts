// 数据开放: open datasets, downloads, open APIs, conditional applications, the CKAN Action API and DCAT-AP.
// Shared by browser and server: keep this file free of node: imports.
export {};
