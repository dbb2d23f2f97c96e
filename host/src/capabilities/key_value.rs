//! `fermyon:spin/key-value@2.0.0`, in memory: one `default` store per component, shared by
//! that component's instances for the life of the process (as Spin's default store is local
//! to one `spin up`). Components must not use it for tenant data: it is not encrypted and not
//! shared across replicas; PostgreSQL is the system of record.

use super::bindings::fermyon::spin::key_value::{Error, Host, HostStore};
use crate::state::RequestState;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use wasmtime::component::Resource;

/// The contents of one store.
pub type StoreData = Arc<Mutex<HashMap<String, Vec<u8>>>>;

/// The host side of a guest's `store` resource.
pub struct Store {
    data: StoreData,
}

/// Largest number of keys one store may hold.
const MAX_KEYS: usize = 100_000;

impl Host for RequestState {}

impl HostStore for RequestState {
    fn open(&mut self, label: String) -> wasmtime::Result<Result<Resource<Store>, Error>> {
        if label != "default" {
            return Ok(Err(Error::NoSuchStore));
        }
        let data = self.app.kv_store(&self.component.name);
        Ok(Ok(self.table.push(Store { data })?))
    }

    fn get(
        &mut self,
        s: Resource<Store>,
        key: String,
    ) -> wasmtime::Result<Result<Option<Vec<u8>>, Error>> {
        let store = self.table.get(&s)?;
        Ok(Ok(store.data.lock().unwrap().get(&key).cloned()))
    }

    fn set(
        &mut self,
        s: Resource<Store>,
        key: String,
        value: Vec<u8>,
    ) -> wasmtime::Result<Result<(), Error>> {
        let store = self.table.get(&s)?;
        let mut map = store.data.lock().unwrap();
        if map.len() >= MAX_KEYS && !map.contains_key(&key) {
            return Ok(Err(Error::StoreTableFull));
        }
        map.insert(key, value);
        Ok(Ok(()))
    }

    fn delete(&mut self, s: Resource<Store>, key: String) -> wasmtime::Result<Result<(), Error>> {
        let store = self.table.get(&s)?;
        store.data.lock().unwrap().remove(&key);
        Ok(Ok(()))
    }

    fn exists(&mut self, s: Resource<Store>, key: String) -> wasmtime::Result<Result<bool, Error>> {
        let store = self.table.get(&s)?;
        Ok(Ok(store.data.lock().unwrap().contains_key(&key)))
    }

    fn get_keys(&mut self, s: Resource<Store>) -> wasmtime::Result<Result<Vec<String>, Error>> {
        let store = self.table.get(&s)?;
        Ok(Ok(store.data.lock().unwrap().keys().cloned().collect()))
    }

    fn drop(&mut self, s: Resource<Store>) -> wasmtime::Result<()> {
        self.table.delete(s)?;
        Ok(())
    }
}
