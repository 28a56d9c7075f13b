/** Crash safety of `harmwatch import ucdp|acled|csv` (see ./crashImporters.ts). */
import { crashImporters } from './crashImporters.ts';

crashImporters(['ucdp', 'acled', 'csv']);
