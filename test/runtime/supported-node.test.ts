import { SUPPORTED_NODE, unsupportedNodeProblem } from '../../src/runtime/supported-node';

describe('the Node.js versions the product starts on (package.json engines)', () => {
  it.each(['22.12.0', '22.23.3', '24.0.0', '24.21.0', '26.10.0'])('starts on Node %s', (version) => {
    expect(unsupportedNodeProblem(version)).toBeUndefined();
  });

  it.each(['18.20.8', '20.20.2', '21.7.3', '22.11.0'])(
    'refuses Node %s, saying why and what to do',
    (version) => {
      const problem = unsupportedNodeProblem(version);
      expect(problem).toContain(`Node.js ${version} is too old`);
      expect(problem).toContain(SUPPORTED_NODE);
      expect(problem).toContain('npm start');
    },
  );

  it('starts on the Node that runs this suite (CI runs it on each supported line)', () => {
    expect(unsupportedNodeProblem(process.versions.node)).toBeUndefined();
  });

  it('refuses a range form it does not understand rather than guessing', () => {
    expect(() => unsupportedNodeProblem('24.0.0', '>=22')).toThrow('only ^x.y.z ranges');
  });
});
