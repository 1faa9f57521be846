// 共享交换: share requests and demands, approvals, client credentials, the query API and its call log.
// Shared by browser and server: keep this file free of node: imports.
export {};
