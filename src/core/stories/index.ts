export { defaultClustererOptions, StoryClusterer } from './story-clusterer.js';
export type { ClusterDoc, ClustererOptions, StoryAssignmentInput } from './story-clusterer.js';
export { InvalidDateError } from './features.js';
