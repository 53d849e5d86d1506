import { ruleCases } from './_testkit.ts';

ruleCases('vs-exportto-gateway');
