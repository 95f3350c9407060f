//! Graph neighbours: the nodes a node links to and the nodes that link to it.

use crate::view::LinkView;
use crate::{Error, Knowledge};
use pijnwijzer_model::{EdgeType, Node};

impl Knowledge {
    /// The neighbours of a node, optionally only over edges of one type.
    pub fn related(&self, id: &str, edge: Option<&str>) -> Result<Vec<LinkView>, Error> {
        let edge = edge
            .map(|e| {
                EdgeType::parse(e).ok_or_else(|| {
                    Error::InvalidArgument(format!(
                        "edge type `{e}`: use one of {}",
                        EdgeType::spellings()
                    ))
                })
            })
            .transpose()?;
        Ok(self.node(id)?.links.into_iter().filter(|l| edge.is_none_or(|e| l.edge == e)).collect())
    }

    /// The nodes that link to `node`, once per link, in id order.
    pub(super) fn incoming_nodes<'a>(&'a self, node: &Node) -> impl Iterator<Item = &'a Node> + 'a {
        let index = self.by_id.get(&node.id).copied().unwrap_or(usize::MAX);
        self.incoming.get(index).into_iter().flatten().map(move |&(from, _)| &self.pack.nodes[from])
    }
}
