export const openData = {
  tile: { portalNav: '数据开放', title: '数据开放管理', text: '开放数据集与受限开放申请' },
};
