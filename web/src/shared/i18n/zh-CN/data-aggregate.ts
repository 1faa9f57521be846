export const dataAggregate = {
  tile: { title: '可用不可见', text: '只返回统计结果的隐私计算查询' },
};
