export const schemaForm = {
  chooseRegion: '请选择所在地区(可输入名称搜索)',
  creditCodeOk: '统一社会信用代码校验通过',
  yes: '是',
  no: '否',
  notAnswered: '未填写',
} as const;
