export const intervision = {
  title: 'Intervisie',
};
