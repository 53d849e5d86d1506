import { ruleCases } from './_testkit.ts';

ruleCases('mtls-mode-conflict');
