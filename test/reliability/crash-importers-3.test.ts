/** Crash safety of `harmwatch import hxl|determinations|places` (see ./crashImporters.ts). */
import { crashImporters } from './crashImporters.ts';

crashImporters(['hxl', 'determinations', 'places']);
