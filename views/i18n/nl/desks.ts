export const desks = {
  title: 'Werkplekken',
};
