// npm run bench [-- --scale N] [-- --smoke]: the national-scale benchmark harness lives in server/bench/ (its README
// says what it measures and how); this entry point keeps the script where the other command-line tools are.
import '../../bench/main.ts';
