import { ruleCases } from './_testkit.ts';

ruleCases('amb-peerauth');
