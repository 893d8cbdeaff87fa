export {
  NluEngine,
  loadDefaultEngine,
  loadEngine,
  defaultModelPath,
  type Analysis,
  type AnalyzeOptions,
} from './engine';
export {
  IntentClassifier,
  trainIntentClassifier,
  UNKNOWN_INTENT,
  type IntentPrediction,
  type IntentTrainingOptions,
  type PreparedExample,
} from './intentClassifier';
export { trainIntentModel, type IntentExample } from './trainIntentModel';
export { DEFAULT_INTENTS, type DefaultIntent } from './taxonomy';
export { normalizeText, type NormalizedText } from './normalize';
export { detectLanguage, toSimplified, toTraditional, type Language } from './script';
export { assessLanguage, type LanguageAssessment } from './assessLanguage';
export { segment, addUserTerms } from './segment';
export { prepareText, type PreparedText } from './prepare';
export { extractEntities, type Entity, type EntityOptions } from './entities';
export { chineseNumerals } from './entityLexicon';
export { analyzeSentiment, type Sentiment } from './sentiment';
export { matchScore, type MatchOptions } from './match';
export { Bm25Index, type SearchHit } from './bm25';
export { HybridRetriever, type RetrievalHit } from './retriever';
export {
  OpenAiEmbeddingProvider,
  cosineSimilarity,
  type EmbeddingProvider,
  type OpenAiEmbeddingOptions,
} from './embeddings';
export { evaluatePredictions, formatEvaluationReport, type EvaluationReport } from './evaluation';
export { runCli } from './cli';
export {
  loadIntentCorpus,
  augmentExamples,
  type LabelledText,
  type CorpusLanguage,
  type CorpusSplit,
} from './tools/corpus';
export { defaultAugmentationCopies, defaultUnknownThreshold } from './tools/trainDefault';
