/**
 * Near saturation (utilisation 0.95) queues forget their past slowly, so these
 * cases need millions of customers; they live in their own file so the test
 * runner can spread them over both cores.
 */
import { describe } from 'vitest';
import { mmcCase } from './helpers';

describe('M/M/c stations agree with Erlang C near saturation', () => {
  mmcCase(1, 0.95, 2_500_000, 6);
  mmcCase(4, 0.95, 1_500_000, 8);
  mmcCase(16, 0.95, 1_200_000, 8);
});
