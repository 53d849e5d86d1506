import { ruleCases } from './_testkit.ts';

ruleCases('dr-outlier-single-endpoint');
