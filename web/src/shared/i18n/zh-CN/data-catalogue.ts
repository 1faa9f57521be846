export const dataCatalogue = {
  tile: { title: '数据资源目录', text: '编目、审核发布、检索本市政务数据资源' },
};
