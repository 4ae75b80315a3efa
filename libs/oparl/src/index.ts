export * from './oparl.types';
export * from './oparl.urls';
export * from './oparl.times';
export * from './oparl.list';
export * from './oparl.publication';
