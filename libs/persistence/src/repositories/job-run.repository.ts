import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { JobRun, type JobState } from '../entities/job-run.entity';

/** The runs of the in-process queue (no Redis), kept to inspect and retry. */
@Injectable()
export class JobRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  /** Runs not yet finished: waiting, delayed, or left active by a process that died. */
  async unfinished(): Promise<JobRun[]> {
    return this.runs.findBy({ state: In(['active', 'waiting', 'delayed']) });
  }

  /** Stores a new run; its id. */
  async add(run: Omit<JobRun, 'id'>): Promise<number> {
    // As in `update`: the JSON columns are `unknown`.
    return (await this.runs.insert(run as never)).identifiers[0].id as number;
  }

  async findById(id: number): Promise<JobRun | null> {
    return this.runs.findOneBy({ id });
  }

  async update(id: number, values: Partial<Omit<JobRun, 'id'>>): Promise<void> {
    // The JSON columns are `unknown`, which TypeORM's deep-partial type does not take.
    await this.runs.update(id, values as never);
  }

  /** The newest runs in a state (at most 200). */
  async inState(state: JobState): Promise<JobRun[]> {
    return this.runs.find({ where: { state }, order: { id: 'DESC' }, take: 200 });
  }
}
