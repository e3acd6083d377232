import { registerCollector } from '../registry';
import { awsImportCsvCollector } from './aws-import-csv';
import { azureMigrateCsvCollector } from './azure-migrate-csv';
import { genericCsvCollector } from './generic-csv';
import { migrationCenterVmInfoCollector } from './migration-center-vminfo';
import { ovfCollector } from './ovf';
import { rvtoolsCsvCollector, rvtoolsXlsxCollector } from './rvtools';

/**
 * Every collector dcplan knows, registered in priority order (on equal detection scores the earlier one wins).
 * Add one line per collector; the pipeline imports this module for its side effect.
 */
registerCollector(rvtoolsXlsxCollector);
registerCollector(rvtoolsCsvCollector);
registerCollector(azureMigrateCsvCollector);
registerCollector(awsImportCsvCollector);
registerCollector(migrationCenterVmInfoCollector);
registerCollector(genericCsvCollector);
registerCollector(ovfCollector);
// time-series formats (issue 6, series/index.ts; shared series assembly in src/collect/series/)
import { seriesCollectors } from './series';
for (const c of seriesCollectors) registerCollector(c);
