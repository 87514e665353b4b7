// Who may call each operation of the open API: the policy (policy.ts) written out as one table an
// auditor can read, and that tests/integration/authorization-matrix.test.ts walks cell by cell
// against the route handlers on both engines. Change policy.ts and this table together.
//
//   ✓    allowed (the request gets past authorization; it may still be refused for its content)
//   –    403 FORBIDDEN
//   own  a department manager, only for an object of their own department (the initiative, its
//        benefits and follow-ups, the department's local pool); another department's manager: 403
//
// A row `operation[variant]` is the same operation on another kind of object or with another
// query (a local pool instead of a central one; everyone's follow-ups instead of one's own).
//
// Beyond the table, for every operation: without credentials 401. An API token acts with its role
// and no department (so `own` is 403 for it); a token with scope READ only for GET (else 403
// INSUFFICIENT_SCOPE). Tokens exist for ADMIN, DIG, LEADERSHIP and VIEWER.
import type { Role } from "./roles";

const TABLE = `
operation                     ADMIN  DIG  LEADERSHIP  DEPARTMENT_MANAGER  VIEWER
listInitiatives               ✓      ✓    ✓           ✓                   ✓
createInitiative              ✓      –    –           own                 –
getInitiative                 ✓      ✓    ✓           ✓                   ✓
updateInitiative              ✓      –    –           own                 –
updateInitiative[submitted]   ✓      –    –           –                   –
submitInitiative              ✓      –    –           own                 –
classifyInitiative            ✓      ✓    ✓           –                   –
listComments                  ✓      ✓    ✓           ✓                   ✓
addComment                    ✓      ✓    ✓           own                 –
exportInitiatives             ✓      ✓    ✓           ✓                   ✓
triageQueue                   ✓      ✓    –           –                   –
triageSuggestion              ✓      ✓    –           –                   –
decideTriage                  ✓      ✓    –           –                   –
requestInfo                   ✓      ✓    –           –                   –
approveInFastLane             ✓      ✓    –           –                   –
getTriageSettings             ✓      ✓    –           –                   –
updateTriageSettings          ✓      ✓    –           –                   –
getScoreWeights               ✓      ✓    ✓           ✓                   ✓
updateScoreWeights            ✓      –    ✓           –                   –
portfolioRanking              ✓      ✓    ✓           ✓                   ✓
rankedInitiative              ✓      ✓    ✓           ✓                   ✓
moveInRanking                 ✓      –    ✓           –                   –
portfolioMetrics              ✓      ✓    ✓           ✓                   ✓
setBalanceTarget              ✓      –    ✓           –                   –
listMeetings                  ✓      ✓    ✓           ✓                   ✓
createMeeting                 ✓      –    ✓           –                   –
getMeeting                    ✓      ✓    ✓           ✓                   ✓
addAgendaItem                 ✓      –    ✓           –                   –
refreshAgenda                 ✓      –    ✓           –                   –
decide                        ✓      –    ✓           –                   –
previewDecision               ✓      ✓    ✓           ✓                   ✓
closeMeeting                  ✓      –    ✓           –                   –
listApiTokens                 ✓      –    –           –                   –
createApiToken                ✓      –    –           –                   –
revokeApiToken                ✓      –    –           –                   –
listPools                     ✓      ✓    ✓           ✓                   ✓
createPool                    ✓      ✓    –           own                 –
getPool                       ✓      ✓    ✓           ✓                   ✓
updatePool                    ✓      ✓    ✓           –                   –
updatePool[local-pool]        ✓      ✓    ✓           own                 –
setPoolCapacity               ✓      ✓    ✓           –                   –
setPoolCapacity[local-pool]   ✓      ✓    ✓           own                 –
listAllocations               ✓      ✓    ✓           ✓                   ✓
createAllocation              ✓      ✓    ✓           –                   –
createAllocation[local-pool]  ✓      ✓    ✓           own                 –
updateAllocation              ✓      ✓    ✓           –                   –
deleteAllocation              ✓      ✓    ✓           –                   –
resourceDemand                ✓      ✓    ✓           ✓                   ✓
getResourceSettings           ✓      ✓    ✓           ✓                   ✓
updateResourceSettings        ✓      ✓    ✓           –                   –
listPrograms                  ✓      ✓    ✓           ✓                   ✓
createProgram                 ✓      ✓    ✓           –                   –
getProgram                    ✓      ✓    ✓           ✓                   ✓
updateProgram                 ✓      ✓    ✓           –                   –
addProgramInitiatives         ✓      ✓    ✓           –                   –
removeProgramInitiative       ✓      ✓    ✓           –                   –
roadmap                       ✓      ✓    ✓           ✓                   ✓
planInitiative                ✓      ✓    ✓           –                   –
transitionInitiative          ✓      ✓    ✓           –                   –
transitionInitiative[pause]   ✓      ✓    ✓           own                 –
importInitiatives             ✓      ✓    –           –                   –
importTemplate                ✓      ✓    –           –                   –
exportFull                    ✓      –    –           –                   –
restoreFull                   ✓      –    –           –                   –
listUsers                     ✓      –    –           –                   –
createUser                    ✓      –    –           –                   –
getUser                       ✓      –    –           –                   –
updateUser                    ✓      –    –           –                   –
issuePasswordLink             ✓      –    –           –                   –
listDepartments               ✓      ✓    ✓           ✓                   ✓
createDepartment              ✓      –    –           –                   –
getDepartment                 ✓      ✓    ✓           ✓                   ✓
updateDepartment              ✓      –    –           –                   –
deleteDepartment              ✓      –    –           –                   –
listGoals                     ✓      ✓    ✓           ✓                   ✓
createGoal                    ✓      –    ✓           –                   –
updateGoal                    ✓      –    ✓           –                   –
deleteGoal                    ✓      –    ✓           –                   –
listAuditEvents               ✓      –    ✓           –                   –
exportAuditEvents             ✓      –    ✓           –                   –
listSsoMappings               ✓      –    –           –                   –
createSsoMapping              ✓      –    –           –                   –
updateSsoMapping              ✓      –    –           –                   –
deleteSsoMapping              ✓      –    –           –                   –
getSsoSettings                ✓      –    –           –                   –
updateSsoSettings             ✓      –    –           –                   –
getBenefitPlan                ✓      ✓    ✓           ✓                   ✓
createBenefit                 ✓      ✓    ✓           own                 –
setNoBenefitReason            ✓      ✓    ✓           own                 –
updateBenefit                 ✓      ✓    ✓           own                 –
deleteBenefit                 ✓      ✓    ✓           own                 –
recordMeasurement             ✓      ✓    –           own                 –
listFollowUps                 ✓      ✓    ✓           ✓                   ✓
listFollowUps[scope=all]      ✓      ✓    ✓           –                   –
completeFollowUp              ✓      ✓    –           own                 –
postponeFollowUp              ✓      ✓    –           own                 –
benefitRealisation            ✓      ✓    ✓           ✓                   ✓
exportBenefitRealisation      ✓      ✓    ✓           ✓                   ✓
getBenefitSettings            ✓      ✓    ✓           ✓                   ✓
updateBenefitSettings         ✓      ✓    –           –                   –
listScenarios                 ✓      ✓    ✓           ✓                   ✓
createScenario                ✓      ✓    ✓           –                   –
compareScenarios              ✓      ✓    ✓           ✓                   ✓
getScenario                   ✓      ✓    ✓           ✓                   ✓
updateScenario                ✓      ✓    ✓           –                   –
deleteScenario                ✓      ✓    ✓           –                   –
optimiseScenario              ✓      ✓    ✓           –                   –
getOptimiserRun               ✓      ✓    ✓           ✓                   ✓
addScenarioToAgenda           ✓      –    ✓           –                   –
adoptScenario                 ✓      –    ✓           –                   –
`;

export type Permission = "allowed" | "denied" | "own";
export const MATRIX_ROLES = ["ADMIN", "DIG", "LEADERSHIP", "DEPARTMENT_MANAGER", "VIEWER"] as const satisfies readonly Role[];

function parse(table: string): Map<string, Record<Role, Permission>> {
  const [header, ...rows] = table.trim().split("\n").map((line) => line.trim().split(/\s+/));
  const roles = header!.slice(1) as Role[];
  const word = { "✓": "allowed", "–": "denied", own: "own" } as const;
  const matrix = new Map<string, Record<Role, Permission>>();
  for (const [operation, ...cells] of rows) {
    if (cells.length !== roles.length) throw new Error(`authorization matrix: ${operation} has ${cells.length} cells`);
    matrix.set(operation!, Object.fromEntries(cells.map((cell, i) => {
      const permission = word[cell as keyof typeof word];
      if (!permission) throw new Error(`authorization matrix: ${operation}: unknown cell "${cell}"`);
      return [roles[i]!, permission];
    })) as Record<Role, Permission>);
  }
  return matrix;
}

/** Per documented operationId: what each role may. */
export const AUTHORIZATION_MATRIX: ReadonlyMap<string, Readonly<Record<Role, Permission>>> = parse(TABLE);
