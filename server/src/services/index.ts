import type { FastifyPluginAsync } from 'fastify';
import catalogue from './catalogue';

/** 一网通办 domains, registered after the platform's. */
export const servicePlugins: FastifyPluginAsync[] = [catalogue];
