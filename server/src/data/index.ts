import type { FastifyPluginAsync } from 'fastify';
import dataCatalogue from './catalogue';
import registries from './registries';
import exchange from './exchange';
import openData from './open-data';
import aggregate from './aggregate';

/** Data backbone domains (数据资源体系), registered after the platform's and before the services'. */
export const dataPlugins: FastifyPluginAsync[] = [dataCatalogue, registries, exchange, openData, aggregate];
