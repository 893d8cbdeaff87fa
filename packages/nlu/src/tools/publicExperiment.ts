// Development aid: figures on the tuning (or report) fifth of the public sets in KEFU_PUBLIC_DATA.
// node --import tsx src/tools/publicExperiment.ts [tuning|report] [sentiment|pairs|retrieval|references]
import { loadPublicSets, selectPart, type PublicPart } from './publicSets';
import {
  bigramBm25RetrievalFigure,
  kefuRetrievalFigure,
  pairAuc,
  pairScorers,
  retrievalTaskFromPairs,
  sentimentFigure,
} from './textFigures';

const part: PublicPart = process.argv[2] === 'report' ? 'report' : 'tuning';
const only = process.argv[3];
const sets = loadPublicSets();
if (!sets) throw new Error('set KEFU_PUBLIC_DATA to a directory of public sets');
if (!only || only === 'sentiment')
  for (const { name, examples } of sets.sentiment) {
    const figure = sentimentFigure(selectPart(examples, part));
    console.log(
      `sentiment ${name} ${part}: accuracy=${figure.accuracy.toFixed(4)} neutral=${figure.neutralShare.toFixed(3)} n=${figure.count}`,
    );
  }
if (!only || only === 'pairs' || only === 'references')
  for (const { name, pairs } of sets.pairs) {
    const selected = selectPart(pairs, part);
    const scorers =
      only === 'references' ? Object.entries(pairScorers) : [['matchScore', pairScorers.matchScore] as const];
    for (const [scorerName, scorer] of scorers)
      console.log(
        `pairs ${name} ${part} ${scorerName}: auc=${pairAuc(selected, scorer).toFixed(4)} n=${selected.length}`,
      );
  }
if (!only || only === 'retrieval' || only === 'references')
  for (const { name, pairs } of sets.pairs) {
    const task = retrievalTaskFromPairs(pairs);
    const kefu = kefuRetrievalFigure(task);
    console.log(
      `retrieval ${name} kefu: hit@1=${kefu.hitAt1.toFixed(4)} hit@3=${kefu.hitAt3.toFixed(4)} docs=${kefu.documents} queries=${kefu.queries}`,
    );
    if (only === 'references') {
      const reference = bigramBm25RetrievalFigure(task);
      console.log(
        `retrieval ${name} bigram-bm25: hit@1=${reference.hitAt1.toFixed(4)} hit@3=${reference.hitAt3.toFixed(4)}`,
      );
    }
  }
