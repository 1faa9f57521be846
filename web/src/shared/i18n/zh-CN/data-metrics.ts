export const dataMetrics = {
  tile: { title: '数据指标', text: '共享需求满足率、接口调用量与耗时、数据质量评分' },
};
