export const dataExchange = {
  tile: { title: '共享交换', text: '申请共享资源、审批、接口凭证与调用记录' },
};
