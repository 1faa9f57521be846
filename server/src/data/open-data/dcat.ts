import { openDownloadMediaTypes, type Locale, type OpenDownloadFormat, type UpdateCycle } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { loadOpenDatasets, metadataModified, type OpenDataset } from './datasets';
import { downloadPath, licenceOf } from './detail';
import { organizationsOf, tagsOf, type CkanOrganization } from './ckan-packages';
import { downloadFormats } from './fields';

// DCAT-AP (JSON-LD) export of the open-data catalogue, for European-style harvesters and linked-data tools: one
// dcat:Catalog with a dcat:Dataset per open dataset and a dcat:Distribution per download format. Text carries its
// language (@language zh); frequencies, file types, access rights and the language use the EU Publications Office
// authority tables that DCAT-AP requires; media types are IANA URIs.

const EU = 'http://publications.europa.eu/resource/authority';

/** 更新周期 → the EU frequency authority table (DCAT-AP dct:accrualPeriodicity). */
export const FREQUENCY: Readonly<Record<UpdateCycle, string>> = {
  realtime: `${EU}/frequency/CONT`,
  daily: `${EU}/frequency/DAILY`,
  weekly: `${EU}/frequency/WEEKLY`,
  monthly: `${EU}/frequency/MONTHLY`,
  quarterly: `${EU}/frequency/QUARTERLY`,
  yearly: `${EU}/frequency/ANNUAL`,
  irregular: `${EU}/frequency/IRREG`,
};

const FILE_TYPE: Readonly<Record<OpenDownloadFormat, string>> = { csv: `${EU}/file-type/CSV`, json: `${EU}/file-type/JSON`, xlsx: `${EU}/file-type/XLSX` };

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
} as const;

const zh = (value: string) => ({ '@value': value, '@language': 'zh' });
const dateTime = (date: Date) => ({ '@value': date.toISOString(), '@type': 'xsd:dateTime' });
const ref = (id: string) => ({ '@id': id });

function publisher(base: string, org: CkanOrganization | undefined, fallbackName: string, departmentId: string) {
  return { '@id': `${base}/api/3/action/organization_show?id=${org?.name ?? departmentId}`, '@type': 'foaf:Organization', 'foaf:name': zh(org?.title ?? fallbackName) };
}

function datasetNode(d: OpenDataset, base: string, locale: Locale, orgs: Map<string, CkanOrganization>) {
  const r = d.resource;
  const landing = `${base}/open/datasets/${encodeURIComponent(r.code)}`;
  const licence = licenceOf(d, locale);
  const licenceNode = { '@id': `${landing}#licence`, '@type': 'dct:LicenseDocument', 'rdfs:label': zh(licence.name) };
  const modified = metadataModified(d);
  const contactName = d.settings.contactName || r.providerName;
  return {
    '@id': landing,
    '@type': 'dcat:Dataset',
    'dct:identifier': r.code,
    'dct:title': zh(r.name),
    'dct:description': zh(r.summary),
    'dct:publisher': publisher(base, orgs.get(r.providerDepartmentId), r.providerName, r.providerDepartmentId),
    'dcat:keyword': tagsOf(d).map(zh),
    'dct:accrualPeriodicity': ref(FREQUENCY[r.updateCycle]),
    'dct:accessRights': ref(`${EU}/access-right/${r.openType === 'open' ? 'PUBLIC' : 'RESTRICTED'}`),
    'dct:issued': dateTime(r.releasedOn ? new Date(`${r.releasedOn}T00:00:00+08:00`) : d.createdAt),
    'dct:modified': dateTime(modified),
    'dct:language': ref(`${EU}/language/ZHO`),
    'dcat:landingPage': ref(landing),
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': zh(contactName),
      ...(d.settings.contactEmail ? { 'vcard:hasEmail': ref(`mailto:${d.settings.contactEmail}`) } : {}),
      ...(d.settings.contactPhone ? { 'vcard:hasTelephone': ref(`tel:${d.settings.contactPhone.replace(/[\s()]/g, '')}`) } : {}),
    },
    'dcat:distribution': downloadFormats(r).map((format) => {
      const url = `${base}${downloadPath(r.code, format)}`;
      return {
        '@id': url,
        '@type': 'dcat:Distribution',
        'dct:title': zh(`${r.name}(${format.toUpperCase()})`),
        'dcat:accessURL': ref(landing),
        'dcat:downloadURL': ref(url),
        'dcat:mediaType': ref(`http://www.iana.org/assignments/media-types/${openDownloadMediaTypes[format]}`),
        'dct:format': ref(FILE_TYPE[format]),
        'dct:license': licenceNode,
        'dct:modified': dateTime(modified),
      };
    }),
  };
}

/** The whole catalogue as one JSON-LD document. */
export async function dcatCatalogue(kernel: Kernel, { locale }: { locale: Locale }): Promise<Record<string, unknown>> {
  const base = kernel.config.publicUrl;
  const datasets = await loadOpenDatasets(kernel.db);
  const orgs = await organizationsOf(kernel.db, datasets);
  const modified = datasets.reduce((latest, d) => Math.max(latest, metadataModified(d).getTime()), 0);
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/open/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': zh('公共数据开放目录'),
    'dct:description': zh('本平台无条件开放与受限开放的公共数据集:可下载 CSV、JSON、XLSX,或凭 API 密钥调用开放接口'),
    'dct:publisher': { '@id': `${base}/open#publisher`, '@type': 'foaf:Agent', 'foaf:name': zh('公共数据开放平台') },
    'foaf:homepage': ref(`${base}/open`),
    'dct:language': ref(`${EU}/language/ZHO`),
    ...(modified > 0 ? { 'dct:modified': dateTime(new Date(modified)) } : {}),
    'dcat:dataset': datasets.map((d) => datasetNode(d, base, locale, orgs)),
  };
}
