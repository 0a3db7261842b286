/**
 * A small synthetic corpus written for the tests (not the seeds): one trade-minister visit to
 * Tokyo reported by an original article, a synonym-spun copy, a loose translation of it, and two
 * independent reports, one of which disagrees on the length of the visit.
 */
import type { SourceInput } from '../../src/build/build-dataset';

export const ORIGINAL = `Canadian trade minister visits Japan
Canadian Trade Minister Mary Ng arrived in Tokyo on Monday for a three-day visit aimed at expanding exports of farm products.
Ms. Ng met Japanese Foreign Minister Yoko Kamikawa at the Foreign Ministry, and the two agreed to start talks on a new agreement on critical minerals.
Canada exported goods worth $21 billion to Japan last year, an increase of 8 percent from 2022.
Ms. Ng said the visit was "a chance to open new doors for Canadian farmers."
She did not announce any new tariff reductions.
Before leaving Tokyo, she is expected to visit a port in Yokohama.
Reuters contributed to this report.`;

/** Synonym-spun copy of ORIGINAL (what content farms publish). */
export const SPUN = `[ad_1]
Canadian Trade Minister Mary Ng arrived in Tokyo on Monday for a three-day trip aimed toward increasing exports of agricultural merchandise.
Ms. Ng met Japanese Foreign Minister Yoko Kamikawa on the Foreign Ministry, and the 2 agreed to begin negotiations on a brand new accord on critical minerals.
Canada exported items value $21 billion to Japan final 12 months, a rise of 8 percent from 2022.
Ms. Ng stated the visit was "a chance to open new doors for Canadian farmers."
She didn't announce any new tariff cuts.
Earlier than leaving Tokyo, she is anticipated to visit a port in Yokohama.
[ad_2]
Source link`;

/** Loose translation of ORIGINAL: same facts and order, clauses moved around. */
export const TRANSLATED = `On Monday, Canada's Trade Minister Mary Ng arrived in Tokyo for a visit of three days, whose goal is to expand the export of farm products.
At the Foreign Ministry, Ms. Ng met the Foreign Minister of Japan, Yoko Kamikawa, and they agreed to begin talks about a new agreement on critical minerals.
Last year Canada exported to Japan goods worth $21 billion, which is 8 percent more than in 2022.
According to Ms. Ng, the visit was "a chance to open new doors for Canadian farmers".
No new tariff reductions were announced by her.
She is expected, before leaving Tokyo, to visit a port in Yokohama.`;

/** Independent report; says the visit lasts two days (the others: three). */
export const INDEPENDENT_A = `Mary Ng, Canada's minister of international trade, began a two-day visit to Japan on Monday.
The trip is the minister's second to Asia this year, after a visit to Seoul in February.
In Tokyo, Ng held talks with Yoko Kamikawa, and officials said the talks covered critical minerals and farm exports.
Japanese carmakers are among the largest investors in Canada.
Ottawa hopes to double farm exports to Japan by 2030.`;

/** Independent report with its own facts; agrees with the original where they overlap. */
export const INDEPENDENT_B = `Canadian beef and canola producers are watching Mary Ng's trip to Tokyo closely.
Farm groups say Japanese tariffs on beef remain a barrier.
Ng arrived in the Japanese capital on Monday.
A trade official said a minerals agreement could be signed next year.
Japan is Canada's fourth-largest trading partner.
Leave a Reply
Your email address will not be published. Required fields are marked *`;

export function corpus(): SourceInput[] {
  return [
    { file: 'a-original.txt', outlet: 'Wire report', published: '2024-06-04', language: 'en', text: ORIGINAL },
    { file: 'b-spun.txt', outlet: 'Content farm', published: '2024-06-04', language: 'en', text: SPUN },
    { file: 'c-translated.txt', outlet: 'Translated copy', published: '2024-06-05', language: 'en', text: TRANSLATED },
    { file: 'd-independent.txt', outlet: 'Trade weekly', published: '2024-06-04', language: 'en', text: INDEPENDENT_A },
    { file: 'e-independent.txt', outlet: 'Farm news', published: '2024-06-05', language: 'en', text: INDEPENDENT_B },
  ];
}
