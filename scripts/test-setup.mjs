// Loaded before every test file (scripts/run-tests.mjs): property tests run with a fixed seed so a
// CI run is reproducible; HARMWATCH_FC_SEED=random (or a number) explores other inputs.
import fc from 'fast-check';

const wanted = process.env.HARMWATCH_FC_SEED ?? '20261124';
const seed = wanted === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(wanted);
fc.configureGlobal({ seed });
if (wanted === 'random') console.log(`# fast-check seed ${seed}`);
