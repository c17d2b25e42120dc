//! The signal that the process is stopping (SIGTERM, Ctrl-C): the server stops accepting and
//! finishes its requests (see `startup::until_stopped`), and background work holding a
//! [`Signal`] ends its current step and returns (the jobs of `jobs.rs`).

use tokio::sync::watch;

/// Raised once, by whoever handles the process's stop signals.
pub struct Trigger(watch::Sender<bool>);

/// What background work watches.
#[derive(Clone)]
pub struct Signal(watch::Receiver<bool>);

impl Trigger {
    pub fn new() -> Trigger {
        Trigger(watch::channel(false).0)
    }

    /// A signal for one piece of background work.
    pub fn signal(&self) -> Signal {
        Signal(self.0.subscribe())
    }

    pub fn stop(&self) {
        self.0.send_replace(true);
    }
}

impl Default for Trigger {
    fn default() -> Self {
        Trigger::new()
    }
}

impl Signal {
    /// True once the process is stopping: check between steps.
    pub fn is_stopping(&self) -> bool {
        *self.0.borrow()
    }

    /// Waits until the process is stopping (for a job idling between runs).
    pub async fn stopping(&mut self) {
        // An error means the trigger is gone, which also means stop.
        let _ = self.0.wait_for(|stopping| *stopping).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_sees_the_stop() {
        let trigger = Trigger::new();
        let mut signal = trigger.signal();
        assert!(!signal.is_stopping());
        trigger.stop();
        assert!(signal.is_stopping());
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(signal.stopping());
        let mut orphan = Trigger::new().signal();
        rt.block_on(orphan.stopping());
    }
}
