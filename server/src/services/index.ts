import type { FastifyPluginAsync } from 'fastify';
import catalogue from './catalogue';
import cases from './cases';

/** 一网通办 domains, registered after the platform's. */
export const servicePlugins: FastifyPluginAsync[] = [catalogue, cases];
