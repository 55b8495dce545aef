export * from './core';
export * from './desks';
export * from './intervision';
export * from './privacy';
export * from './insight';
export * from './people';
export * from './sso';
