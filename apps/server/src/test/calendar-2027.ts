/** 国务院办公厅关于2027年部分节假日安排的通知, as the administrator types it in (dates for the tests). */
export const notice2027 = {
  notice: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpDays: [] },
    { name: '春节', from: '2027-02-06', to: '2027-02-13', makeUpDays: ['2027-01-31', '2027-02-20'] },
  ],
};
