/** Crash safety of `harmwatch import strikes|article|airwars` (see ./crashImporters.ts). */
import { crashImporters } from './crashImporters.ts';

crashImporters(['strikes', 'article', 'airwars']);
