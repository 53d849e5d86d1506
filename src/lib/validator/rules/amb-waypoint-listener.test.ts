import { ruleCases } from './_testkit.ts';

ruleCases('amb-waypoint-listener');
