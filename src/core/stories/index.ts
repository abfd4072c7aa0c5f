export { defaultClustererOptions, StoryClusterer } from './story-clusterer.js';
export type { ClusterDoc, ClustererOptions, ClustererState, StoryAssignmentInput } from './story-clusterer.js';
export { InvalidDateError } from './features.js';
