import { ruleCases } from './_testkit.ts';

ruleCases('dr-keepalive-idle');
