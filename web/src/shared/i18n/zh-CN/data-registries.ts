export const dataRegistries = {
  tile: { title: '人口库 / 法人库', text: '基础库数据、多源校核与异议核实' },
};
