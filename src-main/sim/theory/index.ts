export { erlangB } from './erlangB';
export { erlangC, mmcSojournQuantile, mmcSojournTail, mmcSojournVariance, type MmcFigures } from './erlangC';
export { mm1, mm1SojournQuantile, type Mm1Figures } from './mm1';
export { pollaczekKhinchineWait } from './pollaczekKhinchine';
export { cheCharacteristicTime, cheHitRatio, perfectLfuHitRatio } from './cheApproximation';
