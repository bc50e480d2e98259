pub const SCHEMA_VERSION: u32 = 1; pub struct Record; pub enum RecordChange {} pub enum DecodeError {}
