import { ruleCases } from './_testkit.ts';

ruleCases('dr-max-requests-one');
