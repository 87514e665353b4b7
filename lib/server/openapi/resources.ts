// /api/v1/pools, /api/v1/allocations, /api/v1/resources: the OpenAPI paths.
import { z } from "zod";
import {
  allocationCreateInput,
  allocationFilter,
  allocationList,
  allocationResult,
  allocationUpdateInput,
  capacityInput,
  capacityResult,
  demandResponse,
  demandQuery,
  poolCreateInput,
  poolDetail,
  poolSummary,
  poolUpdateInput,
  resourceSettingsSchema,
} from "@/lib/validation/resources";
import { error, json, op, type Paths } from "./common";

const poolId = { path: z.object({ id: z.string().meta({ description: "Pool id" }) }) };
const allocationId = { path: z.object({ id: z.string().meta({ description: "Allocation id" }) }) };
const notFound = { "404": error("No such pool or allocation") };
const conflict = (description: string) => ({ "409": error(description) });

export const resourcesPaths: Paths = {
  "/api/v1/pools": {
    get: op({ operationId: "listPools", summary: "Resource pools: DIG, Digitalt center and the departments' local pools, deactivated ones too", responses: { "200": { description: "Pools, central first", ...json(z.object({ data: z.array(poolSummary) })) } } }),
    post: op({
      operationId: "createPool",
      summary: "Create a pool: central (DIG, DIGITAL_CENTER; by DIG and admin) or a department's LOCAL pool (also by its managers); names are unique whatever the case",
      requestBody: json(poolCreateInput),
      responses: { "201": { description: "Created", ...json(z.object({ data: poolSummary })) }, ...conflict("NAME_TAKEN") },
    }),
  },
  "/api/v1/pools/{id}": {
    get: op({ operationId: "getPool", summary: "A pool with every stored capacity row and its load for twelve quarters from the current one", requestParams: poolId, responses: { "200": { description: "The pool", ...json(poolDetail) }, ...notFound } }),
    patch: op({
      operationId: "updatePool",
      summary:
        "Set or clear the pool's work-in-progress limit (central pools: DIG, leadership, admin; a local pool also its department's managers), or rename, deactivate or reactivate it with the version you read (DIG, admin; a local pool also its department's managers). A deactivated pool takes no new allocations (409 POOL_INACTIVE)",
      requestParams: poolId,
      requestBody: json(poolUpdateInput),
      responses: { "200": { description: "Saved", ...json(z.object({ data: poolSummary })) }, ...notFound, ...conflict("VERSION_CONFLICT or NAME_TAKEN") },
    }),
  },
  "/api/v1/pools/{id}/capacity": {
    put: op({
      operationId: "setPoolCapacity",
      summary: "Set the pool's capacity in hours for a quarter, as a whole (competence \"\") or for one competence. With competences the total is their sum; the whole-pool figure then cannot be set apart (400 totalIsSumOfCompetences)",
      requestParams: poolId,
      requestBody: json(capacityInput),
      responses: { "200": { description: "The quarter's capacity rows and total", ...json(capacityResult) }, ...notFound },
    }),
  },
  "/api/v1/allocations": {
    get: op({ operationId: "listAllocations", summary: "Allocations, filtered by initiative, pool and quarter, 100 per page", requestParams: { query: allocationFilter }, responses: { "200": { description: "A page of allocations", ...json(allocationList) } } }),
    post: op({
      operationId: "createAllocation",
      summary:
        "Allocate a pool's hours (1–10000, whole) in a quarter (up to 8 back, 20 ahead) to a triaged, approved, running or paused initiative. One allocation per initiative, pool, quarter and competence: a second create gets 409 ALLOCATION_EXISTS with the stored one (change it with PATCH). A missing planned period is set from the allocations; one outside the plan gives the warning OUTSIDE_PLANNED_PERIOD",
      requestBody: json(allocationCreateInput),
      responses: { "201": { description: "Allocated", ...json(allocationResult) }, ...conflict("ALLOCATION_EXISTS (with the stored allocation), NOT_ALLOCATABLE (the initiative's status) or POOL_INACTIVE (a deactivated pool)") },
    }),
  },
  "/api/v1/allocations/{id}": {
    patch: op({
      operationId: "updateAllocation",
      summary: "Change an allocation's hours; name the version you read (409 VERSION_CONFLICT with the stored values if it changed)",
      requestParams: allocationId,
      requestBody: json(allocationUpdateInput),
      responses: { "200": { description: "Saved", ...json(allocationResult) }, ...notFound, ...conflict("VERSION_CONFLICT or NOT_ALLOCATABLE") },
    }),
    delete: op({
      operationId: "deleteAllocation",
      summary: "Remove an allocation; name the version you read",
      requestParams: { ...allocationId, query: z.object({ version: z.number().int().meta({ description: "The version you read" }) }) },
      responses: { "200": { description: "Removed", ...json(z.object({ data: z.object({ id: z.string() }) })) }, ...notFound, ...conflict("VERSION_CONFLICT or NOT_ALLOCATABLE") },
    }),
  },
  "/api/v1/resources/demand": {
    get: op({
      operationId: "resourceDemand",
      summary:
        "Demand against capacity per pool and quarter (committed: approved, running, paused; awaiting decision apart), load %, borrowed hours per department, WIP over limits, and the central reinforcement needed to clear the approved backlog within N quarters",
      requestParams: { query: demandQuery },
      responses: { "200": { description: "The figures", ...json(demandResponse) } },
    }),
  },
  "/api/v1/settings/resources": {
    get: op({ operationId: "getResourceSettings", summary: "Default WIP limit and hours per full-time person per quarter", responses: { "200": { description: "Settings", ...json(z.object({ data: resourceSettingsSchema })) } } }),
    put: op({ operationId: "updateResourceSettings", summary: "Set the resource settings (DIG, leadership, admin)", requestBody: json(resourceSettingsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: resourceSettingsSchema })) } } }),
  },
};
