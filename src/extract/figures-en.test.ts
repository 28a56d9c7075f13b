import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractClaims } from './extract.ts';

/** Canonical casualty claims of an English text as outcome/population/min/max/qualifier. */
const figures = (text: string, published = '2021-05-10'): string[] =>
  extractClaims(text, { published, lang: 'en' }).claims
    .filter((c) => c.type === 'casualties' && c.duplicateOf === null)
    .map((c) => `${c.outcome}/${c.population}/${c.min}/${c.max}/${c.qualifier}`);

test('English: a noun takes the outcome written after it', () => {
  assert.deepEqual(figures('Shelling killed a shepherd and four villagers were wounded near the dam.'),
    ['killed/civilians/1/1/exact', 'injured/civilians/4/4/exact']);
  assert.deepEqual(figures('A mother was killed & other civilians injured when the rocket landed.'),
    ['killed/women/1/1/exact', 'injured/civilians/null/null/vague']);
  // an outcome word that governs a figure of its own belongs to that figure
  assert.deepEqual(figures('Two gunmen killed at least three farmers.'), ['killed/civilians/3/null/at_least']);
});

test('English: combined figures are noted, not counted', () => {
  assert.deepEqual(figures('Dozens of people were killed or wounded in the market.'), []);
  assert.deepEqual(figures('Shelling Kills Injures 40 Villagers Near Dam'), []);
  // two outcome words each with its own number stay two figures
  assert.deepEqual(figures('Car Bomb Kills Four Injures Eleven in Border Town'), ['killed/unknown/4/4/exact', 'injured/unknown/11/11/exact']);
  assert.deepEqual(figures('Blast: 23 Soldiers Killed 51 Injured'), ['killed/combatants/23/23/exact', 'injured/unknown/51/51/exact']);
});

test('English: breakdowns after "including" and family members', () => {
  // a group named without a number is a vague part of the figure (labelling.md: a plural with no number)
  assert.deepEqual(figures('The raid killed 14 including children.'), ['killed/unknown/14/14/exact', 'killed/children/null/null/vague']);
  assert.deepEqual(figures('A massacre against 14 civilians, including women and children.'),
    ['killed/civilians/14/14/exact', 'killed/women/null/null/vague', 'killed/children/null/null/vague']);
  assert.deepEqual(figures('The strike killed at least 18 people, mostly children, and wounded 40 others Tuesday.'),
    ['killed/unknown/18/null/at_least', 'killed/children/null/null/vague', 'injured/unknown/40/40/exact']);
  assert.deepEqual(figures('A drone strike killed a farmer and his two sons.'), ['killed/civilians/1/1/exact', 'killed/unknown/2/2/exact']);
  assert.deepEqual(figures('Nine people died: a woman and her three children among them.'),
    ['killed/unknown/9/9/exact', 'killed/women/1/1/exact', 'killed/children/3/3/exact']);
  assert.deepEqual(figures('Of those killed, seven were children.'), ['killed/children/7/7/exact']);
});

test('English: others after fighters are fighters; members of a tribe or a medical staff are not', () => {
  assert.deepEqual(figures('Four soldiers were killed and five others wounded in the shelling.'), ['killed/combatants/4/4/exact', 'injured/combatants/5/5/exact']);
  assert.deepEqual(figures('The group executed 700 members of a tribe.'), ['killed/unknown/700/700/exact']);
  assert.deepEqual(figures('Two members of a medical staff were injured.'), ['injured/unknown/2/2/exact']);
});

test('English: martyrs, comrades, "were left wounded", "25 other were injured"', () => {
  assert.deepEqual(figures('Twin blasts near the shrine claiming 4 martyrs and 13 injured.'), ['killed/unknown/4/4/exact', 'injured/unknown/13/13/exact']);
  assert.deepEqual(figures('The emir and at least 34 of his comrades were killed in clashes.'), ['killed/combatants/34/null/at_least']);
  assert.deepEqual(figures('Three people died while more than 100 were left wounded.'), ['killed/unknown/3/3/exact', 'injured/unknown/100/null/more_than']);
  assert.deepEqual(figures('Seven civilians were killed and 25 other were injured.'), ['killed/civilians/7/7/exact', 'injured/unknown/25/25/exact']);
});

test('English: the source of the figures is no victim; women fighters are fighters; others after a breakdown are not its part', () => {
  assert.deepEqual(figures('SANA, citing a military official, said two civilians had been killed.'), ['killed/civilians/2/2/exact']);
  assert.deepEqual(figures('Three women SDF fighters were killed in a drone strike.'), ['killed/combatants/3/3/exact']);
  assert.deepEqual(figures('Two women and three fighters were killed.'), ['killed/women/2/2/exact', 'killed/combatants/3/3/exact']);
  assert.deepEqual(figures('Ten attacks killed eight people, including two children and a young female fighter, and injured 21 others.'),
    ['killed/unknown/8/8/exact', 'killed/children/2/2/exact', 'killed/combatants/1/1/exact', 'injured/unknown/21/21/exact']);
});

test('English: "two dozen", airmen, a number with its own "were wounded" after an outcome', () => {
  assert.deepEqual(figures('Residents said that two dozen people were killed in the raids.'), ['killed/unknown/24/24/exact']);
  assert.deepEqual(figures('Two Russian airmen were killed when their helicopter was shot down.'), ['killed/combatants/2/2/exact']);
  assert.deepEqual(figures('At least 14 people were killed 25 were wounded in the attack.'), ['killed/unknown/14/null/at_least', 'injured/unknown/25/25/exact']);
});

test('English: two describing words joined by "and" before the fighters they describe', () => {
  assert.deepEqual(figures('At least 70 regime and rebel fighters have been killed in 24 hours.'), ['killed/combatants/70/null/at_least']);
  assert.deepEqual(figures('He said 5 and then 6 fighters were killed.'), ['killed/combatants/6/6/exact']);
});

test('English: a tally under "The dead are distributed as follows:", a dash item a line', () => {
  const text = 'The toll rose to 60. The dead are distributed as follows:\n\n- 46 civilians, including 6 women\n\n- 13 fighters of Ansar al-Tawhid\n\n- One member of Ahrar al-Sham.\n\nOther news: 5 shops opened.';
  assert.deepEqual(figures(text), ['killed/unknown/60/60/exact', 'killed/civilians/46/46/exact', 'killed/women/6/6/exact', 'killed/combatants/13/13/exact', 'killed/combatants/1/1/exact']);
});

test('English: the second part of a breakdown keeps its outcome; "any civilians" tells no harm; tourists are civilians', () => {
  assert.deepEqual(figures('These attacks left 20 people dead, including two children and six women, and over 62 others injured.'),
    ['killed/unknown/20/20/exact', 'killed/children/2/2/exact', 'killed/women/6/6/exact', 'injured/unknown/62/null/more_than']);
  assert.deepEqual(figures('It did not say that any civilians were killed.'), []);
  assert.deepEqual(figures('One such bombing killed nine Iraqi tourists last week.'), ['killed/civilians/9/9/exact']);
  assert.deepEqual(figures('A bomb killed a local imam.'), ['killed/men/1/1/exact']);
});

test('English: "…, said Observatory director …" names the teller after the verb; a number naming a unit is no count', () => {
  assert.deepEqual(figures('The war killed a nurse, a hospital employee and two soldiers, said Observatory director Abdel Rahman.'),
    ['killed/civilians/1/1/exact', 'killed/unknown/1/1/exact', 'killed/combatants/2/2/exact']);
  assert.deepEqual(figures('Two soldiers said the attack was repelled.'), []);
  assert.deepEqual(figures('Six militants who were defending Division 30 were killed.'), ['killed/combatants/6/6/exact']);
});

test('English: "the death of N", tolls that rise, lives claimed', () => {
  assert.deepEqual(figures('The bombing led to the death of eleven and the injury of 30.'), ['killed/unknown/11/11/exact', 'injured/unknown/30/30/exact']);
  assert.deepEqual(figures('The toll of people killed in the Monday shelling has risen to nine.'), ['killed/unknown/9/9/exact']);
  assert.deepEqual(figures('The number of wounded reached 45 by the evening.'), ['injured/unknown/45/45/exact']);
  assert.deepEqual(figures('The explosion claimed the lives of six workers.'), ['killed/civilians/6/6/exact']);
  assert.deepEqual(figures('Volunteers saved the lives of six workers.'), []);
  assert.deepEqual(figures('Rescuers recovered at least 40 bodies from the rubble.'), ['killed/unknown/40/null/at_least']);
});

test('English: "N of the X" and headline nouns without an article', () => {
  assert.deepEqual(figures('Three of the guards died in the ambush.'), ['killed/combatants/3/3/exact']);
  // a part of those already counted is not a new figure
  assert.deepEqual(figures('Twelve people were hurt; five of the wounded are in a serious condition.'), ['injured/unknown/12/12/exact']);
  assert.deepEqual(figures('Man and boy killed by unexploded shell'), ['killed/men/1/1/exact', 'killed/children/1/1/exact']);
  assert.deepEqual(figures('Death toll climbs to four including woman and child'), ['killed/unknown/4/4/exact', 'killed/women/1/1/exact', 'killed/children/1/1/exact']);
  assert.deepEqual(figures('Civilian areas were hit and child protection groups protested.'), []);
  assert.deepEqual(figures('Twelve young Circassians had been killed, an elder said.'), ['killed/unknown/12/12/exact']);
});

test('English: dates, times and tallies that are not head counts', () => {
  assert.deepEqual(figures('Two civilians were killed on 05-07-2015 in the town.'), ['killed/civilians/2/2/exact']);
  assert.deepEqual(figures('On March 27 three people were killed.'), ['killed/unknown/3/3/exact']);
  assert.deepEqual(figures('The shells fell at around 430 am, and nobody was hurt.'), []);
  assert.deepEqual(figures('More than 2 500 residents have died in the province.'), ['killed/civilians/2500/null/more_than']);
  assert.deepEqual(figures('Some 2 million people were displaced and more than 10 million displaced overall.'), []);
});

test('English: definite plurals and relative clauses refer back to a figure already given', () => {
  assert.deepEqual(figures('Five fighters were killed. The fighters were killed near the bridge.'), ['killed/combatants/5/5/exact']);
  assert.deepEqual(figures('Four members of a pro-government militia were killed.'), ['killed/combatants/4/4/exact']);
  assert.deepEqual(figures('The number of civilians who were killed is unknown.'), []);
});

test('English: a headline run into its body repeats one figure', () => {
  const text = 'Artillery fire kills 6 in northern town Monitor AFP Tuesday 3 May 2016 Artillery fire killed six people in a northern town on Tuesday a monitor said.';
  const all = extractClaims(text, { published: '2016-05-03', lang: 'en' }).claims.filter((c) => c.type === 'casualties');
  assert.equal(all.length, 2);
  assert.equal(all.filter((c) => c.duplicateOf === null).length, 1);
});

test('English: relatives after a possessive, sources who speak, tolls that name no figure', () => {
  assert.deepEqual(figures('A farmer and his little son died when the shell landed.'), ['killed/civilians/1/1/exact', 'killed/children/1/1/exact']);
  assert.deepEqual(figures('Two officials and their driver died on the highway.'), ['killed/unknown/2/2/exact', 'killed/civilians/1/1/exact']);
  assert.deepEqual(figures('"Four people died," a local official said.'), ['killed/unknown/4/4/exact']);
  assert.deepEqual(figures('The death toll may rise as many people are in critical condition.'), []);
  assert.deepEqual(figures('A family of five members, including three children, was killed.'), ['killed/unknown/5/5/exact', 'killed/children/3/3/exact']);
  assert.deepEqual(figures('An army unit killed at least 11 gunmen and wounded several more.'), ['killed/combatants/11/null/at_least', 'injured/unknown/null/null/vague']);
});

test('English: parts named after "of those killed", bare verbs and vague headline figures', () => {
  assert.deepEqual(figures('At least 20 people died. Three of those killed were police officers.'), ['killed/unknown/20/null/at_least', 'killed/combatants/3/3/exact']);
  assert.deepEqual(figures('Mortar fire kills a boy, injure 7 near market'), ['killed/children/1/1/exact', 'injured/unknown/7/7/exact']);
  assert.deepEqual(figures('Dozens Killed in Night Raids on Border Town'), ['killed/unknown/null/null/vague']);
  assert.deepEqual(figures('A sniper fired at a queue, killing 2 of them and injuring 17 most of them elderly.'), ['killed/unknown/2/2/exact', 'injured/unknown/17/17/exact']);
  assert.deepEqual(figures('Nine people were killed, two of them paramedics, the agency said.'), ['killed/unknown/9/9/exact', 'killed/civilians/2/2/exact']);
  assert.deepEqual(figures('A nurse died after she was hit by a sniper at the checkpoint.'), ['killed/civilians/1/1/exact']);
});

test('English: a noun shared by two figures, asides in brackets', () => {
  assert.deepEqual(figures('Troops killed 12 and wounded 16 IS militants near the dam.'), ['killed/combatants/12/12/exact', 'injured/combatants/16/16/exact']);
  assert.deepEqual(figures('Strikes killed at least 40 Islamic State (ISIL or Daesh) fighters.'), ['killed/combatants/40/null/at_least']);
});

test('English: tolls named before or after a bare number, hedged passives, people named by what they were doing', () => {
  assert.deepEqual(figures('Medics gave a death toll of 17 civilians by evening.'), ['killed/civilians/17/17/exact']);
  assert.deepEqual(figures('Monday’s shelling brought to 26 the number killed in the district.'), ['killed/unknown/26/26/exact']);
  assert.deepEqual(figures('The raids pushed to 40 the number of people wounded this week.'), ['injured/unknown/40/40/exact']);
  assert.deepEqual(figures('The army took to 6 the number of hills captured.'), []);
  assert.deepEqual(figures('At least 14 are confirmed dead, rescuers said.'), ['killed/unknown/14/null/at_least']);
  assert.deepEqual(figures('Seven were believed to be killed in the raid.'), ['killed/unknown/7/7/exact']);
  assert.deepEqual(figures('Nine mourners were killed when a shell hit the funeral.'), ['killed/civilians/9/9/exact']);
});
